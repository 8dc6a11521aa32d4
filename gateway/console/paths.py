"""Where the console lives, and its cookie."""

PREFIX = "/console"
COOKIE = "memq_console"
#: The form field every state-changing request carries.
CSRF_FIELD = "csrf_token"
