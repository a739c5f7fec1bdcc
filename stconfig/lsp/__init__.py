"""`stconfig lsp`: a Language Server for SeaTunnel job files (pygls, lsprotocol types).

The feature modules are plain functions from text (and a cursor offset) to lsprotocol
objects, so they are tested in-process; `server` wires them to the protocol. Nothing here
is imported by the rest of stconfig: pygls loads only when the `lsp` command runs.
"""
