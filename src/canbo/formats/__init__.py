"""Number formats Django's locale data leaves out (see settings.FORMAT_MODULE_PATH)."""
