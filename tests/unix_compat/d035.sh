echo 'a\tb\c'; echo after
