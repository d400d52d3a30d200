x=1; export x; sh -c 'echo x=$x'
