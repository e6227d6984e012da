"""Performance figures of QuickReply, each against a baseline measured in the same run."""
