cat <<-EOF
	stripped
	EOF
