"""QuickReply (快捷回复): a quick-reply helper for online-shop customer service."""

__version__ = "0.1.0"
