echo {a,b}
