from deckgen.cli import main

main(prog_name="deckgen")
