"""memq as an MCP server: tools over the gateway's transport, for agents.

``tools`` declares the tools (arguments from the wire contract's requests),
``server`` answers MCP's tools/list and tools/call with them, ``http`` serves
them at ``/mcp`` on the gateway; ``memq mcp`` serves them over stdio.
"""
