trap 'echo trapped' EXIT; echo body
