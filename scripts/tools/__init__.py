"""Developer tools: benchmarks, the Lighthouse audit, the page weigher and a Pages-like server.

Nothing here runs during a build; tests and `make bench`/`make audit` use them."""
