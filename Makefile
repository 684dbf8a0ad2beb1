# The two commands of the README. Both install missing Debian packages first.
JOBS ?= $(shell nproc)

.PHONY: demo test deps release dev bench fuzz clean

deps:
	@./scripts/install-deps.sh

release: deps
	cmake --preset release >/dev/null
	cmake --build --preset release -j $(JOBS)

dev: deps
	cmake --preset dev >/dev/null
	cmake --build --preset dev -j $(JOBS)

demo: release
	./build/release/src/assay demo

test: dev
	ctest --preset dev -j $(JOBS)

bench: deps
	cmake --preset bench >/dev/null
	cmake --build --preset bench -j $(JOBS)

fuzz: deps
	cmake --preset fuzz >/dev/null
	cmake --build --preset fuzz -j $(JOBS)

clean:
	rm -rf build
