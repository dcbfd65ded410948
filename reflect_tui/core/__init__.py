"""Plain pieces every package may use, and that import nothing else of reflect.

``clock`` (the one clock, and which day a moment belongs to), ``records`` (a journal's
content as frozen records: what export writes and import reads), ``config`` and
``paths`` (settings and where files live), ``memory`` (process memory: no core dumps,
allocator settings), ``passphrase_strength`` (the one strength rule), ``uids``
(the identities rows keep on every device, for merging copies).
"""
