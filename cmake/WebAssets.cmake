# The HTML report's JavaScript and CSS, compiled into the binary so a report
# opens offline (docs/report.md). Vega, Vega-Lite and vega-embed come from
# npm at the versions of web/package-lock.json: `npm ci` into the build
# folder, or web/node_modules when a developer has installed it there. The
# report's own template (web/report.css, web/report.js) is embedded the same
# way.
#
# Each file becomes one generated .cpp holding a raw string literal
# (cmake/EmbedFile.cmake), built into assay_web_assets at -O0 without the
# warning and sanitizer flags of assay_options: it is data, it compiles in
# about a second, and only a change to that file recompiles it.
set(ASSAY_WEB_DIR ${PROJECT_SOURCE_DIR}/web)
set(web_out ${PROJECT_BINARY_DIR}/generated/web)

if(EXISTS ${ASSAY_WEB_DIR}/node_modules/vega/build/vega.min.js)
  set(web_modules ${ASSAY_WEB_DIR}/node_modules)
  set(web_install_stamp "")
else()
  find_program(ASSAY_NPM npm)
  if(NOT ASSAY_NPM)
    message(FATAL_ERROR "npm not found: the HTML report embeds vega, vega-lite and vega-embed from npm "
                        "(web/package.json). Install Debian's nodejs and npm (scripts/install-deps.sh does).")
  endif()
  set(web_modules ${web_out}/npm/node_modules)
  set(web_install_stamp ${web_out}/npm/installed.stamp)
  add_custom_command(
    OUTPUT ${web_install_stamp} ${web_modules}/vega/build/vega.min.js ${web_modules}/vega-lite/build/vega-lite.min.js
           ${web_modules}/vega-embed/build/vega-embed.min.js
    COMMAND ${CMAKE_COMMAND} -E make_directory ${web_out}/npm
    COMMAND ${CMAKE_COMMAND} -E copy ${ASSAY_WEB_DIR}/package.json ${ASSAY_WEB_DIR}/package-lock.json ${web_out}/npm/
    COMMAND ${ASSAY_NPM} ci --prefix ${web_out}/npm --no-audit --no-fund --loglevel=error --engine-strict=false
    COMMAND ${CMAKE_COMMAND} -E touch ${web_install_stamp}
    DEPENDS ${ASSAY_WEB_DIR}/package.json ${ASSAY_WEB_DIR}/package-lock.json
    COMMENT "npm ci: vega, vega-lite and vega-embed for the HTML report"
    VERBATIM)
endif()

set(web_sources)
# symbol;file pairs
set(web_files
  vega_js ${web_modules}/vega/build/vega.min.js
  vega_lite_js ${web_modules}/vega-lite/build/vega-lite.min.js
  vega_embed_js ${web_modules}/vega-embed/build/vega-embed.min.js
  report_css ${ASSAY_WEB_DIR}/report.css
  report_js ${ASSAY_WEB_DIR}/report.js)
while(web_files)
  list(POP_FRONT web_files symbol input)
  set(output ${web_out}/${symbol}.cpp)
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -DINPUT=${input} -DOUTPUT=${output} -DSYMBOL=${symbol} -P ${PROJECT_SOURCE_DIR}/cmake/EmbedFile.cmake
    DEPENDS ${input} ${web_install_stamp} ${PROJECT_SOURCE_DIR}/cmake/EmbedFile.cmake
    COMMENT "Embedding ${symbol}"
    VERBATIM)
  list(APPEND web_sources ${output})
endwhile()

add_library(assay_web_assets STATIC ${web_sources})
add_library(assay::web_assets ALIAS assay_web_assets)
set_target_properties(assay_web_assets PROPERTIES UNITY_BUILD OFF INTERPROCEDURAL_OPTIMIZATION OFF)
target_compile_options(assay_web_assets PRIVATE -O0 -g0 -w)
