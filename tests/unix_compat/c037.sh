echo a | { read v; echo got $v; }
