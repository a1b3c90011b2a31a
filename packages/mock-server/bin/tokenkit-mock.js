#!/usr/bin/env node
// The bin is this committed file rather than dist/bin.js, so pnpm can link it in a fresh clone
// before anything is built.
import '../dist/bin.js';
