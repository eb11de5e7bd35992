module corpus.ClosuresCallingNonFunctionFails

function main = |args| {
  let notAFunction = 1
  try {
    notAFunction()
    println("called?")
  } catch (e) {
    println("not callable")
  }
}
