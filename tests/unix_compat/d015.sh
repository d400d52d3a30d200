echo a; ( echo b; exit 1 ) && echo c || echo d
