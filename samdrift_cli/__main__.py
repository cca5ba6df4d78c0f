from samdrift_cli.cli.app import main

main()
