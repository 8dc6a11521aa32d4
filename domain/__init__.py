"""memq's domain."""
