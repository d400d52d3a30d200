cat <<'EOF'
$HOME `x` \n
EOF
