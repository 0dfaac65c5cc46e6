from assessment.cli import main

raise SystemExit(main())
