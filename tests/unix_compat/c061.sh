echo \"escaped\" \'single\' \$dollar
