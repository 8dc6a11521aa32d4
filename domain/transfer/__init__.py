"""Session export and import (``schemas.transfer``): domain code the actors call."""
