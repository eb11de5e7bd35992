module corpus.MainReturnValueIsIgnored

function main = |args| -> 42
