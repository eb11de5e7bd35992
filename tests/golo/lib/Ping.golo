module lib.Ping

import lib.Pong

function ping = |n| -> match {
  when n < 0 then "done"
  otherwise "ping " + n + " " + pong(n - 1)
}
