-- Each request submits a different customer's questionnaire (about 35 answers) through its link.
-- Threads take alternate links so that no link is submitted twice; 201s are counted so that the
-- script can check afterwards that every acknowledged submission is stored exactly once.
local threads = {}
local counter = 1

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  tokens = {}
  local i = 0
  for line in io.lines(args[1]) do
    if line ~= "" then
      if i % 2 == id - 1 then table.insert(tokens, line) end
      i = i + 1
    end
  end
  body = io.open(args[2]):read("*a")
  next_token = 1
  created = 0
  refused = 0
end

function request()
  local token = tokens[next_token] or tokens[1]
  next_token = next_token + 1
  return wrk.format("POST", "/api/v1/rater/" .. token .. "/submit", {["Content-Type"] = "application/json"}, body)
end

function response(status)
  if status == 201 then created = created + 1 else refused = refused + 1 end
end

function done()
  local total, other = 0, 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("created")
    other = other + thread:get("refused")
  end
  io.write(string.format("acknowledged %d\nrefused %d\n", total, other))
end
