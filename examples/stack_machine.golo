# A tiny stack machine: a union of instructions, a parser over a multi-line program, an interpreter loop.
module examples.StackMachine

union Instr = {
  Push = { value }
  Pop
  Add
  Sub
  Mul
  Dup
  Print
  JumpIfZero = { target }
  Jump = { target }
}

let PROGRAM = """push 3
print
push 1
sub
dup
jz 7
jmp 1
pop
push 2
push 3
add
push 4
mul
print"""

function parse = |source| {
  let program = vector[]
  foreach line in source: split("\n") {
    let parts = line: trim(): split(" ")
    let op = parts: get(0)
    case {
      when op == "push" { program: add(Instr.Push(parts: get(1): toInt())) }
      when op == "pop" { program: add(Instr.Pop()) }
      when op == "add" { program: add(Instr.Add()) }
      when op == "sub" { program: add(Instr.Sub()) }
      when op == "mul" { program: add(Instr.Mul()) }
      when op == "dup" { program: add(Instr.Dup()) }
      when op == "print" { program: add(Instr.Print()) }
      when op == "jz" { program: add(Instr.JumpIfZero(parts: get(1): toInt())) }
      when op == "jmp" { program: add(Instr.Jump(parts: get(1): toInt())) }
      otherwise { raise("unknown instruction: " + op) }
    }
  }
  return program
}

function pop = |stack| -> stack: removeAt(stack: size() - 1)

function binary = |stack, op| {
  let right = pop(stack)
  let left = pop(stack)
  stack: add(op(left, right))
}

function run = |program| {
  let stack = list[]
  var pc = 0
  var steps = 0
  while pc < program: size() {
    let instr = program: get(pc)
    pc = pc + 1
    steps = steps + 1
    case {
      when instr: isPush() { stack: add(instr: value()) }
      when instr: isPop() { pop(stack) }
      when instr: isAdd() { binary(stack, |a, b| -> a + b) }
      when instr: isSub() { binary(stack, |a, b| -> a - b) }
      when instr: isMul() { binary(stack, |a, b| -> a * b) }
      when instr: isDup() { stack: add(stack: last()) }
      when instr: isPrint() { println(stack: last()) }
      when instr: isJumpIfZero() {
        if pop(stack) == 0 {
          pc = instr: target()
        }
      }
      when instr: isJump() { pc = instr: target() }
      otherwise { raise("cannot run " + instr) }
    }
  }
  return [steps, stack]
}

function main = |args| {
  let program = parse(PROGRAM)
  println(program: size() + " instructions, first: " + program: get(0))
  let steps, stack = run(program)
  println("halted after " + steps + " steps with stack " + stack)
  try {
    parse("push 1\nfrobnicate")
  } catch (e) {
    println(e: getMessage())
  }
}
