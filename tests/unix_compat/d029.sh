echo $(echo '$(nested)')
