{ echo g1; echo g2; } | wc -l
