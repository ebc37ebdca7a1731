"""Areas of the UI text catalogue; each module holds ``MESSAGES = {key: (id, en)}``."""
