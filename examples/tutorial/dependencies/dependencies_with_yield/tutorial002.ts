// Dependencies with yield: sub-dependencies with yield, each closed after the one that uses it.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { Depends, FastAPI } from "starlette-ts/fastapi";

export const app = new FastAPI();

async function* dependencyA() {
  console.log("A: set up");
  try {
    yield "A";
  } finally {
    console.log("A: closed");
  }
}

async function* dependencyB({ dep_a }: { dep_a: string }) {
  console.log(`B: set up, with ${dep_a}`);
  try {
    yield "B";
  } finally {
    console.log(`B: closed, ${dep_a} still open`);
  }
}

async function* dependencyC({ dep_b }: { dep_b: string }) {
  console.log(`C: set up, with ${dep_b}`);
  try {
    yield "C";
  } finally {
    console.log(`C: closed, ${dep_b} still open`);
  }
}

const depA = Depends(dependencyA);
const depB = Depends(dependencyB, { params: { dep_a: depA } });
const depC = Depends(dependencyC, { params: { dep_b: depB } });

app.get("/abc", { params: { dep_c: depC } }, async function readAbc({ dep_c }) {
  console.log(`path operation, with ${dep_c}`);
  return { dependency: dep_c };
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
