cat <<EOF
line1 $((1+1))
	tabbed
EOF
