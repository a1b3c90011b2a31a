#!/usr/bin/env node
console.log("tokenkit");
