/**
 * Passwords that lists of leaked passwords show first (the most used ones, in English, Catalan and
 * Spanish), lower case. A password that is one of these, or one of these with digits or signs added at
 * the end ("password123!"), is refused: it is the first thing an attacker tries (NIST SP 800-63B §3.1.1.2).
 * Words shorter than eight characters matter as stems ("monkey" refuses "monkey2024").
 */
export const COMMON_PASSWORDS: readonly string[] = `
123456 password 12345678 qwerty 123456789 12345 1234 111111 1234567 dragon 123123 baseball abc123 football
monkey letmein 696969 shadow master 666666 qwertyuiop 123321 mustang 1234567890 michael 654321 superman
1qaz2wsx 7777777 121212 000000 qazwsx 123qwe killer trustno1 jordan jennifer zxcvbnm asdfgh hunter buster
soccer harley batman andrew tigger sunshine iloveyou 2000 charlie robert thomas hockey ranger daniel
starwars klaster 112233 george computer michelle jessica pepper 1111 zxcvbn 555555 11111111 131313
freedom 777777 pass maggie 159753 aaaaaa ginger princess joshua cheese amanda summer love ashley nicole
chelsea biteme matthew access yankees 987654321 dallas austin thunder taylor matrix mobilemail mom
monitor monitoring montana moon moscow william corvette hello martin heather secret merlin diamond 1234qwer
gfhjkm hammer silver 222222 88888888 anthony justin test bailey q1w2e3r4t5 patrick internet scooter orange
11111 golfer cookie richard samantha bigdog guitar jackson whatever mickey chicken sparky snoopy maverick
phoenix camaro peanut morgan welcome falcon cowboy ferrari samsung andrea smokey steelers joseph mercedes
dakota arsenal eagles melissa boomer booboo spider nascar monster tigers yellow xxxxxx 123123123 gateway
marina diablo bulldog qwer1234 compaq purple hardcore banana junior hannah 123654 porsche lakers iceman
money cowboys 987654 london tennis 999999 ncc1701 coffee scooby 0000 miller boston q1w2e3r4 brandon
yamaha chester mother forever johnny edward 333333 oliver redsox player nikita knight fender barney midnight
please brandy chicago badboy slayer rangers charles angel flower rabbit wizard jasper enter rachel
chris steven winner adidas victoria natasha 1q2w3e4r jasmine winter prince marine ghbdtn fishing
cocacola casper james 232323 raiders 888888 marlboro gandalf asdfasdf crystal 87654321 12344321 golden
8675309 252525 ford 1q2w3e apple jackie steelers1 william1 password1 password12 password123
passw0rd p@ssw0rd p@ssword pa55word pa55w0rd passwort motdepasse contrasenya contrasenya1 contrasenya123
contraseña contrasena contrasena1 contrasena123 clave clave123 secreto secreta contrasenyes paraula
paraulaclau paraula-clau claudepas clau clau123 benvinguda benvingut benvinguts bienvenido bienvenida
hola hola123 holahola adeu adios barcelona barca barça visca viscabarca viscaelbarca catalunya catalonia
cataluña independencia senyera montserrat girona lleida tarragona sabadell terrassa badalona vic olot
reus manresa mataro mataró granollers espanya españa madrid realmadrid sevilla valencia atletico
betis iloveu teamo teestimo tequiero estimat estimada amor amorcito amoramor cariño carino corazon
princesa princeso mariposa tesoro cielito angelito mimamá mama mamá papa papá familia familia1 libertad
llibertat futbol futbol123 fútbol baloncesto tenis pelota perro gato gatito mascota sol luna estrella
123abc abc12345 abcd1234 abcdef abcdefg abcdefgh abcdefghi 1a2b3c4d a1b2c3d4 aa123456 qwe123 qweasd
qweasdzxc qwertz azerty azertyuiop 1qazxsw2 zaq12wsx zaq1zaq1 zaq1xsw2 1qaz1qaz !qaz2wsx qwerty123
qwerty1 qwerty12 qwertyu asdfghjk asdfghjkl zxcvbnm1 poiuytrewq lkjhgfdsa mnbvcxz 147258369 147258
159357 258456 741852963 963852741 789456123 123789 456789 321654 102030 112358 101010 202020 121314
123454321 1234554321 0123456789 9876543210 11223344 1122334455 1212 12121212 123456a 123456q a123456
a12345678 q123456 123456789a 1234567a admin admin123 administrator administrador root toor guest user
usuari usuaria usuario login login123 test123 testing tester demo demo123 default changeme changeme123
letmein1 welcome1 welcome123 trustno1 iloveyou1 iloveyou2 sunshine1 princess1 football1 baseball1
monkey1 dragon1 shadow1 master1 superman1 batman1 michael1 jordan23 charlie1 computer1 internet1
starwars1 pokemon pikachu naruto minecraft fortnite roblox lol123 google gmail yahoo hotmail
outlook facebook instagram twitter whatsapp youtube netflix spotify microsoft windows apple123 linux
ubuntu oracle mysql postgres server servidor nothing nada nadie ninguno secret1 secret123 letmeinnow
blink182 metallica nirvana beatles eminem rockyou lovely loveme lover iloveme babygirl baby babydoll
angels angel1 jesus jesus1 christ god godisgood blessed heaven hallo hallo123 ciao ciao123 bonjour
soleil salut merci hello123 helloworld hi123 qwertyui 1password 2password password2 password!
summer2023 summer2024 summer2025 summer2026 winter2023 winter2024 winter2025 winter2026 spring2024
autumn2024 estiu hivern primavera tardor verano invierno otoño
`
  .trim()
  .split(/\s+/)
