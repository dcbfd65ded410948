"""Small widgets the screens share: answer inputs, the week strip, status lines."""
