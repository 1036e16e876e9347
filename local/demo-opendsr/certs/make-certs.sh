#!/usr/bin/env bash
# DEMO ONLY. Creates the demo OpenDSR processor's certificates and the test fixtures in this folder.
# It was run once; the files are committed. The CA keys are thrown away at the end, so nothing
# else can be issued under these roots. Running it again makes NEW roots: then copy
# demo-root-ca.pem into the newsletter processor's trustRoots in config/register.json.
#
#   demo-root-ca.pem            demo root CA (10 years); the register's trust root for the demo
#   demo-localhost.pem/.key     the demo processor's signing certificate: SAN DNS:localhost, RSA 2048, 6 years
#   test/                       fixtures for the unit tests only (see test/README.md)
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

leaf_ext() { # $1 = SAN
  printf 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nsubjectAltName=%s\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n' "$1"
}
ca_ext='basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\n'

# root CA: $1 name, $2 CN
make_root() {
  openssl req -x509 -newkey rsa:2048 -nodes -keyout "$work/$1.key" -out "$1.pem" -days 3650 -sha256 \
    -subj "/O=DSR demo (NOT FOR PRODUCTION)/CN=$2" \
    -addext 'basicConstraints=critical,CA:TRUE' -addext 'keyUsage=critical,keyCertSign,cRLSign' 2>/dev/null
}

# leaf or intermediate: $1 out name, $2 key type (rsa|ec), $3 issuer cert, $4 issuer key, $5 CN, $6 extensions, $7 days
make_cert() {
  if [ "$2" = ec ]; then openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$work/$1.key" 2>/dev/null
  else openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/$1.key" 2>/dev/null; fi
  openssl req -new -key "$work/$1.key" -subj "/O=DSR demo (NOT FOR PRODUCTION)/CN=$5" -out "$work/$1.csr"
  printf "$6" > "$work/$1.ext"
  openssl x509 -req -in "$work/$1.csr" -CA "$3" -CAkey "$4" -CAcreateserial -days "$7" -sha256 \
    -extfile "$work/$1.ext" -out "$1.pem" 2>/dev/null
}

make_root demo-root-ca 'DSR Demo Root CA'
make_cert demo-localhost rsa demo-root-ca.pem "$work/demo-root-ca.key" localhost "$(leaf_ext DNS:localhost)" 2200
cp "$work/demo-localhost.key" demo-localhost.key

mkdir -p test
cd test
cp ../demo-root-ca.pem "$work/root.pem"
R="$work/root.pem"; RK="$work/demo-root-ca.key"
# ECDSA P-256 leaf under the demo root
make_cert ec-localhost ec "$R" "$RK" localhost "$(leaf_ext DNS:localhost)" 2200
# SAN for another domain
make_cert wrong-san rsa "$R" "$RK" elsewhere.example "$(leaf_ext DNS:elsewhere.example)" 2200
# a chain: root -> intermediate -> leaf (the processor serves leaf + intermediate as one PEM bundle)
make_cert intermediate-ca rsa "$R" "$RK" 'DSR Demo Intermediate CA' "$ca_ext" 3000
make_cert via-intermediate rsa intermediate-ca.pem "$work/intermediate-ca.key" localhost "$(leaf_ext DNS:localhost)" 2200
cat via-intermediate.pem intermediate-ca.pem > via-intermediate-bundle.pem
# a leaf under some other root that the register does not trust
make_root other-root-ca 'Some Other Root CA'
make_cert other-root-localhost rsa other-root-ca.pem "$work/other-root-ca.key" localhost "$(leaf_ext DNS:localhost)" 2200
# a self-signed leaf for localhost
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$work/self-signed.key" -out self-signed.pem -days 2200 -sha256 \
  -subj '/O=DSR demo (NOT FOR PRODUCTION)/CN=localhost' -addext 'subjectAltName=DNS:localhost' 2>/dev/null
# expired: valid 2020-01-01 .. 2021-01-01, issued by the demo root key (OpenSSL 3.0 has no -not_after on x509: use `ca`)
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/expired.key" 2>/dev/null
openssl req -new -key "$work/expired.key" -subj '/O=DSR demo (NOT FOR PRODUCTION)/CN=localhost' -out "$work/expired.csr"
mkdir -p "$work/ca"; touch "$work/ca/index.txt"; echo 1000 > "$work/ca/serial"
cat > "$work/ca.cnf" <<CNF
[ ca ]
default_ca = demo
[ demo ]
dir = $work/ca
database = \$dir/index.txt
serial = \$dir/serial
new_certs_dir = \$dir
default_md = sha256
policy = any
copy_extensions = none
unique_subject = no
[ any ]
organizationName = optional
commonName = supplied
[ leaf ]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
subjectAltName = DNS:localhost
CNF
openssl ca -batch -config "$work/ca.cnf" -cert "$R" -keyfile "$RK" -in "$work/expired.csr" -out "$work/expired.full" \
  -startdate 20200101000000Z -enddate 20210101000000Z -extensions leaf -notext 2>/dev/null
openssl x509 -in "$work/expired.full" -out expired.pem
# the keys of the test leaves (test-only, like everything here)
for k in ec-localhost wrong-san via-intermediate other-root-localhost self-signed expired; do cp "$work/$k.key" "$k.key"; done
rm -f ../*.srl *.srl
