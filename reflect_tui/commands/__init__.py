"""The plain terminal commands of ``reflect``, one module per group; cli.py wires them."""
