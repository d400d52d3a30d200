printf '%03d|%-5s|%5.2f\n' 7 ab 3.14159
