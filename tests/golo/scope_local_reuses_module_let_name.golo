module corpus.ScopeLocalReusesModuleLetName

let name = "module"

function other = -> name

function main = |args| {
  let name = "local"
  println(name)
  println(other())
}
