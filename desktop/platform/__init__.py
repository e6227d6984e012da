"""OS services (clipboard, hotkeys, paste, single instance) behind small protocols with fakes."""
