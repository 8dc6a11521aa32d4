"""The thin, stateless HTTP gateway: validate, authenticate, publish, await replies.

It never touches the database and never imports actor code (DESIGN.md).
"""
