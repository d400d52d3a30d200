break; echo after
