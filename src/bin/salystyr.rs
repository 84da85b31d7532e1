//! `salystyr check | render | fallback`: see `salystyr::cli`.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use std::io::Write;
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (mut out, mut err) = (String::new(), String::new());
    let status = salystyr::cli::run(&args, &mut out, &mut err);
    let _ = std::io::stdout().write_all(out.as_bytes());
    let _ = std::io::stderr().write_all(err.as_bytes());
    std::process::exit(status);
}

#[cfg(target_arch = "wasm32")]
fn main() {}
