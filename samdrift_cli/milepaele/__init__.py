"""The 12 milestones: the catalogue (data) and the rules that judge a folder against it."""
