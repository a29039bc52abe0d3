-- wrk script: POST the JSON body in $PLUME_BODY (a file) to the URL given.
local f = assert(io.open(os.getenv("PLUME_BODY"), "rb"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"

local non200 = 0
response = function(status)
  if status ~= 200 then non200 = non200 + 1 end
end

done = function(summary)
  io.write(string.format("non-200 answers: %d\n", non200))
end
