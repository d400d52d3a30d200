echo "\$HOME \`x\` \\ \a"
