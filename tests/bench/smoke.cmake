# bench_smoke: room-load with five tablets, then a check that results.json has every scenario with numbers.
# The document distribution: three tablets download a 1 MB PDF, from the room server and from nginx
# (in packaging/debian-build-deps.txt; without it that baseline is reported missing, not a failure).
file(REMOVE_RECURSE ${OUT})
execute_process(COMMAND ${LOAD} --server-bin ${SERVER} --clients 5 --repeats 3 --storms 1 --storm-events 2
    --doc-clients 3 --doc-mb 1 --require-nginx 0 --out ${OUT}
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "room-load exited with ${rc}")
endif()
execute_process(COMMAND python3 ${CHECK} ${OUT}/results.json RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "results.json is incomplete")
endif()
