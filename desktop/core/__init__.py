"""Pure-Python core: library, store, search, risk, packs and settings (never imports Qt)."""
