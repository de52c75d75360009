# bench_smoke: room-load with five tablets, then a check that results.json has every scenario with numbers.
file(REMOVE_RECURSE ${OUT})
execute_process(COMMAND ${LOAD} --server-bin ${SERVER} --clients 5 --repeats 3 --storms 1 --storm-events 2 --out ${OUT}
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "room-load exited with ${rc}")
endif()
execute_process(COMMAND python3 ${CHECK} ${OUT}/results.json RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "results.json is incomplete")
endif()
