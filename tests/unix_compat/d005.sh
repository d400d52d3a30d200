command -v cd; command -v ls; type cd
