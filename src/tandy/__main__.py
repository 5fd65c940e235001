from tandy.cli import main

main()
